import { render } from 'solid-js/web';
import { App } from './app';
import { UpdateBanner } from './panels/UpdateBanner';
import './styles/app.css';
import './styles/mobile.css';
import './styles/briefing.css';
import './styles/table-view.css';

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
