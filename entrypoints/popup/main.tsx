import { render } from 'preact';

function Popup() {
  return <main><h1>年报核验</h1><p>Report check</p></main>;
}

render(<Popup />, document.getElementById('app')!);
