import { render } from 'preact';
import { Options } from './Options';
import '../popup/style.css';
import './style.css';

render(<Options />, document.getElementById('app')!);
