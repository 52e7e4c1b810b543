import { render } from 'preact';
import { BatchPage } from '@/components/batch/BatchPage';
import '@/components/theme.css';
import '@/components/controls.css';
import './style.css';

render(<BatchPage jobId={new URLSearchParams(location.search).get('job')} />, document.getElementById('app')!);
