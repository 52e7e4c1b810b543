import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import '@/components/theme.css';
import '@/components/controls.css';
import '@/components/popup/panel.css';
import './style.css';

render(<Popup />, document.getElementById('app')!);
