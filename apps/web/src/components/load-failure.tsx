interface Props {
  /** What could not be loaded, as it ends "We couldn’t load …": "your orders". */
  what: string;
  /** Why, for the shopper. */
  message: string;
  onRetry: () => void;
  className?: string;
}

/** Says that something of the shopper's could not be loaded, with a way to try again. */
export function LoadFailure({ what, message, onRetry, className }: Props) {
  return (
    <div className={className}>
      <p role="alert">
        We couldn’t load {what}. {message}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
