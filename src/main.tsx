import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startStudio } from './state/studioSession';
import './ui/styles.css';

// Opens the dataset the URL names (?dataset=, else the sample) and wires the stores together.
startStudio();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
