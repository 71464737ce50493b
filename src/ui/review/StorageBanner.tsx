import { useEffect } from 'react';
import { dismissError } from '../../state/reviewActions';
import { useReviewStore } from '../../state/reviewStore';

/** Storage and file errors, in view until dismissed; and short-lived notices. */
export function StorageBanner() {
  const errors = useReviewStore((s) => s.errors);
  const notice = useReviewStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => useReviewStore.setState({ notice: null }), 8000);
    return () => clearTimeout(t);
  }, [notice]);
  return (
    <>
      {errors.map((e, k) => (
        <div key={k} className="banner banner-error" role="alert" data-testid="storage-error">
          <span>{e}</span>
          <button className="link-button" aria-label="Dismiss" onClick={() => dismissError(k)}>
            ×
          </button>
        </div>
      ))}
      {notice && (
        <div className="banner banner-notice" role="status" data-testid="review-notice">
          <span>{notice}</span>
          <button className="link-button" aria-label="Dismiss notice" onClick={() => useReviewStore.setState({ notice: null })}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
