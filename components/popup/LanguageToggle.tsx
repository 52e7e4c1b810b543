import { t } from '@/utils/i18n';
import type { Language } from '@/utils/settings';

interface Props {
  lang: Language;
  setLang(lang: Language): unknown;
}

/** The one button that switches the UI between Chinese and English (its own label is in the other language). */
export function LanguageToggle({ lang, setLang }: Props) {
  const s = t(lang);
  const other: Language = lang === 'zh' ? 'en' : 'zh';
  return (
    <button type="button" class="lang" aria-label={s.switchLanguageLabel} lang={other === 'en' ? 'en' : 'zh-CN'} onClick={() => void setLang(other)}>
      {s.switchLanguage}
    </button>
  );
}
