import { failureText, type Failure } from '../../../shared/result';
import { useLanguage } from '../state/app-store';

/** A failure as the dispatcher should read it: what happened and what to do, never a bare code. */
export function FailureMessage({ failure, testId }: { failure: Failure; testId?: string }) {
  const lang = useLanguage();
  return (
    <div className="failure" role="alert" data-testid={testId ?? 'failure'} data-code={String(failure.code)}>
      {failureText(failure, lang)}
    </div>
  );
}
