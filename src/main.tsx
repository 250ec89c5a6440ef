import { render } from 'solid-js/web';
import { startMapWorker } from './map/early-worker';
import { App } from './app';
import { UpdateBanner } from './panels/UpdateBanner';
import './styles/app.css';
import './styles/mobile.css';
import './styles/briefing.css';
import './styles/table-view.css';

// First: MapLibre's worker compiles on its own thread while the data and the text UI load.
startMapWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(
  () => (
    <>
      <App />
      <UpdateBanner />
    </>
  ),
  root,
);
