/** The options page: auto-check sites, which badges show on the page, the language, and the history of checked reports. */
import { badgeKinds, language, type BadgeKinds, type Language } from '@/utils/settings';
import { t, type StringKey } from '@/utils/i18n';
import { useStoredItem } from '../use-stored-item';
import { SiteList } from './SiteList';
import { HistoryList } from './HistoryList';

const BADGE_OPTIONS: { key: keyof BadgeKinds; label: StringKey }[] = [
  { key: 'error', label: 'badgeError' },
  { key: 'blank', label: 'badgeBlank' },
  { key: 'nonNumeric', label: 'badgeNonNumeric' },
];

export function Options() {
  const [lang, setLang] = useStoredItem(language);
  const [kinds, setKinds] = useStoredItem(badgeKinds);
  if (lang === null || kinds === null) return null;
  const s = t(lang);
  return (
    <main lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h1>{s.optionsTitle}</h1>
      <SiteList lang={lang} />
      <section>
        <fieldset>
          <legend>
            <h2>{s.badgeKinds}</h2>
          </legend>
          {BADGE_OPTIONS.map(({ key, label }) => (
            <label class="choice" key={key}>
              <input
                type="checkbox"
                name={`badge-${key}`}
                checked={kinds[key]}
                onChange={(e) => void setKinds({ ...kinds, [key]: (e.currentTarget as HTMLInputElement).checked })}
              />
              {s[label]}
            </label>
          ))}
        </fieldset>
      </section>
      <section>
        <fieldset>
          <legend>
            <h2>{s.language}</h2>
          </legend>
          {(['zh', 'en'] as Language[]).map((value) => (
            <label class="choice" key={value}>
              <input
                type="radio"
                name="language"
                value={value}
                checked={lang === value}
                onChange={() => void setLang(value)}
              />
              {value === 'zh' ? s.languageZh : s.languageEn}
            </label>
          ))}
        </fieldset>
      </section>
      <HistoryList lang={lang} />
    </main>
  );
}
