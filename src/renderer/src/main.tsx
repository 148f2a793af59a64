import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startReading } from './App';
import { loadCatalog, translate } from './i18n';
import './styles.css';
import './icons.css';
import './layout.css';

const root = document.getElementById('root');
if (root) {
  if (!('dispatch' in window)) {
    const show = () => (root.textContent = translate('zh-CN', 'bridge.missing') + ' / ' + translate('en', 'bridge.missing'));
    show();
    void loadCatalog('en').then(show, () => undefined);
  } else {
    startReading();
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}
