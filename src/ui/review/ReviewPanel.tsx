import { useState } from 'react';
import { AnnotatorDialog } from './AnnotatorDialog';
import { DataTab } from './DataTab';
import { FilterTab, PassSummary } from './FilterTab';
import { HelpOverlay } from './HelpOverlay';
import { ReviewTab } from './ReviewTab';
import { StorageBanner } from './StorageBanner';
import { SummaryTab } from './SummaryTab';

const TABS = [
  { id: 'review', label: 'Review', body: ReviewTab },
  { id: 'filter', label: 'Filter', body: FilterTab },
  { id: 'summary', label: 'Summary', body: SummaryTab },
  { id: 'data', label: 'Export / import', body: DataTab },
] as const;

/** The review workflow in the right-hand column: tabs for deciding, filtering, the summary and files. */
export function ReviewPanel() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('review');
  const Body = TABS.find((t) => t.id === tab)!.body;
  return (
    <section className="review-panel" aria-label="Review">
      <PassSummary />
      <div className="tabs" role="tablist" aria-label="Review panels">
        {TABS.map((t) => (
          <button key={t.id} role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <Body />
      </div>
    </section>
  );
}

/** Starts the review session and hosts its dialogs and the error banner (mount once). */
export function ReviewOverlays() {
  return (
    <>
      <div className="review-banners">
        <StorageBanner />
      </div>
      <HelpOverlay />
      <AnnotatorDialog />
    </>
  );
}
