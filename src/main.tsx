import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { useDatasetStore } from './state/datasetStore';
import { datasetUrlFromLocation } from './ui/datasetParam';
import './ui/styles.css';

const target = datasetUrlFromLocation(window.location.href);
if ('url' in target) useDatasetStore.getState().open(target.url);
else useDatasetStore.setState({ status: 'error', loadError: target.error });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
