/**
 * The overlay's whole stylesheet. It lives inside the shadow root (constructable stylesheet, so a page CSP with
 * `style-src 'none'` cannot block it), and the host itself is reset with inline `!important` declarations
 * (see host.ts), so page CSS can neither restyle the overlay nor be restyled by it. No `:host` rule: an important
 * declaration inside the shadow tree would beat the host's inline ones.
 */
export const OVERLAY_CSS = `
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none;
  font: 12px/1.4 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1f1f1f; }
.layer * { box-sizing: border-box; }
[hidden] { display: none !important; }

.badge { position: absolute; left: 0; top: 0; margin: 0; padding: 0; pointer-events: auto; cursor: help;
  background: transparent; border: 2px solid; border-radius: 2px; font: inherit; color: inherit; }
.badge:focus-visible, .badge:focus { outline: 3px solid #0b57d0; outline-offset: 1px; }
.badge.error { border-color: #b3261e; background: rgba(179, 38, 30, 0.10); }
.badge.warning, .badge.blank { border-color: #a15c00; background: rgba(255, 179, 0, 0.22); border-style: dashed; }
.badge.na, .badge.text { border-color: #5f6368; background: rgba(95, 99, 104, 0.14); border-style: dotted; }
.badge.suspect { border: 2px dashed #b3261e; background: transparent; border-radius: 3px; }

/* Straddles the cell's top border: half over the row above, half over the cell's own top padding, so neither
   row's digits (vertically centred in their cells) are covered. */
.label { position: absolute; right: -2px; bottom: calc(100% - 8px); white-space: nowrap; padding: 0 5px; border-radius: 3px;
  font-size: 11px; line-height: 14px; font-weight: 700; pointer-events: none; }
.error > .label { background: #b3261e; color: #fff; }
.suspect > .label { background: #fff; color: #b3261e; border: 1px solid #b3261e; }

.part { position: absolute; left: 0; top: 0; border: 2px solid #0b57d0; background: rgba(11, 87, 208, 0.12);
  border-radius: 2px; pointer-events: none; }
.flash { position: absolute; left: 0; top: 0; border: 3px solid #0b57d0; border-radius: 3px; pointer-events: none; }

.chip { position: absolute; left: 0; top: 0; white-space: nowrap; padding: 1px 8px; border-radius: 10px;
  font-size: 12px; line-height: 18px; font-weight: 600; pointer-events: auto; border: 1px solid; }
.chip.ok { background: #e6f4ea; color: #0d652d; border-color: #0d652d; }
.chip.errors { background: #b3261e; color: #fff; border-color: #8c1d18; }
.chip.blanks { background: #fff4d6; color: #6b3d00; border-color: #a15c00; }
.chip.notice { position: fixed; left: auto; top: 12px; right: 12px; max-width: 360px; white-space: normal;
  border-radius: 8px; padding: 6px 10px; background: #fff4d6; color: #3c2a00; border-color: #a15c00;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); padding-right: 28px; }
.notice > .close { position: absolute; top: 2px; right: 4px; border: 0; background: transparent; color: inherit;
  font: 700 16px/1 system-ui, sans-serif; padding: 2px 4px; cursor: pointer; }
.notice > .close:focus-visible { outline: 2px solid #0b57d0; }

.tooltip { position: absolute; left: 0; top: 0; z-index: 1; width: max-content; max-width: min(440px, 90vw); padding: 8px 10px; border-radius: 6px;
  background: #202124; color: #fff; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.35); pointer-events: none;
  white-space: normal; font-size: 12px; line-height: 1.5; }
.tooltip .rule { font-weight: 700; font-size: 13px; }
.tooltip .formula { background: #3c4043; padding: 2px 6px;
  border-radius: 4px; margin: 4px 0; overflow-wrap: anywhere; }
.tooltip .second { color: #bdc1c6; }
.tooltip .cause { font-weight: 700; color: #fdd663; margin-top: 4px; }
.tooltip .cause + .second { border-bottom: 1px solid #5f6368; padding-bottom: 6px; margin-bottom: 6px; }
.tooltip .finding + .finding { border-top: 1px solid #5f6368; margin-top: 6px; padding-top: 6px; }
`;
