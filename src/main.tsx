import { render } from 'solid-js/web';
import { App } from './app';
import './styles/app.css';

// Start downloading MapLibre at once, in parallel with the data (MapView awaits the same module).
// The mark records when the library has really arrived, for the benchmark's "text UI first" check.
void import('./map/atlas-map').then(() => performance.mark('atlas:maplibre-loaded'));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => <App />, root);
