/**
 * The findings, one entry per cause (lib/causes.ts), grouped by severity; an entry with a cell is a button that shows
 * that cell on the page. A cause of several findings (a blank column…) lists them under 明细 · details.
 */
import type { Cause, CheckResult, Finding, Suspect } from '@/lib/findings';
import { readableFormula } from '@/lib/formula-text';
import { cellLabel } from '@/lib/rules/labels';
import type { Language } from '@/utils/settings';
import { fill, t, type StringKey } from '@/utils/i18n';
import { groupBySeverity, revealPath } from './summary';

const HEADING: Record<Cause['severity'], StringKey> = {
  error: 'severityError',
  warning: 'severityWarning',
  info: 'severityInfo',
};

interface Props {
  result: Pick<CheckResult, 'findings' | 'causes'>;
  suspects: Suspect[];
  lang: Language;
  onReveal(path: string): void;
}

export function FindingList({ result, suspects, lang, onReveal }: Props) {
  const s = t(lang);
  if (result.causes.length === 0) return <p class="no-findings">{s.noFindings}</p>;
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">{s.findings}</h2>
      {suspects.length > 0 && (
        <div class="suspects">
          <h3>{s.suspects}</h3>
          <ul>
            {suspects.map((suspect) => (
              <li key={suspect.path}>
                <button type="button" class="link" onClick={() => onReveal(suspect.path)} title={s.revealHint}>
                  {cellLabel(suspect.path)[lang]}
                  {suspect.suggested !== undefined && <span class="suggested"> · {fill(s.suggested, { n: suspect.suggested })}</span>}
                </button>
                {suspect.reason && <span class="suspect-reason">{suspect.reason[lang]}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {groupBySeverity(result.causes).map((group) => (
        <div class={`group severity-${group.severity}`} key={group.severity}>
          <h3>
            {s[HEADING[group.severity]]} <span class="count">{group.causes.length}</span>
          </h3>
          <ul>
            {group.causes.map((cause) => (
              <CauseItem key={cause.findings[0]} cause={cause} findings={result.findings} lang={lang} onReveal={onReveal} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

interface ItemProps {
  cause: Cause;
  findings: Finding[];
  lang: Language;
  onReveal(path: string): void;
}

function CauseItem({ cause, findings, lang, onReveal }: ItemProps) {
  const members = cause.findings.map((i) => findings[i]);
  const single = members.length === 1 ? members[0] : null;
  return (
    <li class="finding" data-rule={cause.rule} data-kind={cause.kind}>
      <Entry
        path={cause.target}
        message={cause.message[lang]}
        formula={single ? readableFormula(single, lang) : undefined}
        lang={lang}
        onReveal={onReveal}
      />
      {!single && (
        <details class="members">
          <summary>{fill(t(lang).causeDetails, { n: members.length })}</summary>
          <ul>
            {members.map((finding, index) => (
              <li class="finding member" data-rule={finding.rule} key={index}>
                <Entry
                  path={revealPath(finding)}
                  message={finding.message[lang]}
                  formula={readableFormula(finding, lang)}
                  lang={lang}
                  onReveal={onReveal}
                />
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

interface EntryProps {
  path: string | null;
  message: string;
  formula: string | undefined;
  lang: Language;
  onReveal(path: string): void;
}

function Entry({ path, message, formula, lang, onReveal }: EntryProps) {
  const body = (
    <>
      <span class="message">{message}</span>
      {formula && <span class="formula">{formula}</span>}
    </>
  );
  if (path) {
    return (
      <button type="button" class="finding-button" data-path={path} onClick={() => onReveal(path)} title={t(lang).revealHint}>
        {body}
      </button>
    );
  }
  return (
    <div class="finding-text">
      <span class="where">{t(lang).pageText}</span>
      {body}
    </div>
  );
}
