import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { translate } from './i18n';
import './styles.css';
import './icons.css';
import './layout.css';

const root = document.getElementById('root');
if (root) {
  if (!('dispatch' in window)) {
    root.textContent = translate('zh-CN', 'bridge.missing') + ' / ' + translate('en', 'bridge.missing');
  } else {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}
