import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startUrlSync } from './state/urlState';
import './ui/styles.css';

// Opens the dataset the URL names (?dataset=, else the sample) and keeps the URL describing the view.
startUrlSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
