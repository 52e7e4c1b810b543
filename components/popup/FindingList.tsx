/** Findings grouped by severity; a finding with a cell is a button that shows that cell on the page. */
import type { Finding, Suspect } from '@/lib/findings';
import { cellLabel } from '@/lib/rules/labels';
import type { Language } from '@/utils/settings';
import { fill, t, type StringKey } from '@/utils/i18n';
import { groupBySeverity, revealPath } from './summary';

const HEADING: Record<Finding['severity'], StringKey> = {
  error: 'severityError',
  warning: 'severityWarning',
  info: 'severityInfo',
};

interface Props {
  findings: Finding[];
  suspects: Suspect[];
  lang: Language;
  onReveal(path: string): void;
}

export function FindingList({ findings, suspects, lang, onReveal }: Props) {
  const s = t(lang);
  if (findings.length === 0) return <p class="no-findings">{s.noFindings}</p>;
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
                </button>
                {suspect.suggested !== undefined && <span> · {fill(s.suggested, { n: suspect.suggested })}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {groupBySeverity(findings).map((group) => (
        <div class={`group severity-${group.severity}`} key={group.severity}>
          <h3>
            {s[HEADING[group.severity]]} <span class="count">{group.findings.length}</span>
          </h3>
          <ul>
            {group.findings.map((finding, index) => (
              <FindingItem key={index} finding={finding} lang={lang} onReveal={onReveal} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function FindingItem({ finding, lang, onReveal }: { finding: Finding; lang: Language; onReveal(path: string): void }) {
  const path = revealPath(finding);
  const body = (
    <>
      <span class="message">{finding.message[lang]}</span>
      {finding.formula && <span class="formula">{finding.formula}</span>}
    </>
  );
  return (
    <li class="finding" data-rule={finding.rule}>
      {path ? (
        <button type="button" class="finding-button" data-path={path} onClick={() => onReveal(path)} title={t(lang).revealHint}>
          {body}
        </button>
      ) : (
        <div class="finding-text">
          <span class="where">{t(lang).pageText}</span>
          {body}
        </div>
      )}
    </li>
  );
}
