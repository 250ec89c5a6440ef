import { render } from 'solid-js/web';
import { App } from './app';
import './styles/app.css';

// Start downloading MapLibre at once, in parallel with the data (MapView awaits the same module).
void import('./map/atlas-map');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => <App />, root);
