import { render } from 'preact';
import { Options } from '@/components/options/Options';
import './style.css';

render(<Options />, document.getElementById('app')!);
