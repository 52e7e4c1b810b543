import { render } from 'preact';
import { Viewer } from '@/components/viewer/Viewer';
import '@/components/theme.css';
import '@/components/controls.css';
import '@/components/popup/panel.css';
import './style.css';

render(<Viewer />, document.getElementById('app')!);
