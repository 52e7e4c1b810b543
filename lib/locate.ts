/**
 * Fellegi–Holt error localisation: the fewest table cells whose change makes every sum rule hold.
 *
 * The sum rules (lib/rules/sum-specs.ts, those of the report's table-3 layout) are linear equations `Σ totals − Σ parts = 0` over non-negative integers.
 * Each instance becomes one constraint over its known (number/zero) cells, read as the sum check reads it:
 * - every operand known → `Σ c·x = 0`;
 * - unknown cells (blank, na, text, missing) on one side only → that side can only grow, so the constraint is the
 *   inequality that no error is certain (`Σ totals ≤ Σ parts` when the totals side has the unknown cells);
 * - unknown cells on both sides → no constraint.
 * A constraint is failing exactly when its rule reports an error.
 *
 * Search: constraints that share cells form components (table 3 is one, each table-4 block another); in each
 * component with failing constraints we try sets of 1, 2, then 3 cells drawn from the known cells of the failing
 * constraints, in template order, keeping only sets that touch every failing constraint. A set works when freeing
 * its cells lets every constraint hold with non-negative integers: equations with one free cell left determine it
 * (coefficients are ±1, so values stay integers); when none does, one free cell at a time is tried at 0.
 * The smallest size with a working set wins. One working set → its cells are the suspects, with the values the
 * equations determine. Several → only the cells (and values) they all share: the tables cannot tell the others apart,
 * but the report's text sometimes can (lib/locate-ties.ts: 「行政复议1起」 keeps the fix that makes 总计 1).
 * The number of sets tried is capped, so the search finishes in a few milliseconds on any input.
 */
import type { Finding, Suspect } from './findings';
import type { Report } from './report';
import { breakTieByText, tieReason } from './locate-ties';
import { cellAt, knownValue, layoutOf, templatePaths, type Layout } from './paths';
import type { TextEvidence } from './rules/text-vs-table';
import { lazy, lazyPerKey } from './lazy';
import { sumSpecsOf, type SumSpec } from './rules/sum-specs';

const MAX_SUSPECTS = 3;
/** Sets tried per component before giving up (an answer is never guessed from a partial search). */
export const SEARCH_BUDGET = 20_000;

const sumRuleIds = lazy(() => new Set<string>(sumSpecsOf({ format: '2021', otherOneRow: false }).all.map((spec) => spec.rule)));

/** The sum rules of one table-3 layout as variables: variable i is `paths[i]`, every cell some rule reads. */
interface Variables {
  specs: readonly SumSpec[];
  paths: readonly string[];
  variableOf: ReadonlyMap<string, number>;
}
function variablesOf(specs: readonly SumSpec[], layout: Layout): Variables {
  const used = new Set(specs.flatMap((spec) => [...spec.totals, ...spec.parts]));
  const paths = templatePaths(layout).filter((path) => used.has(path));
  return { specs, paths, variableOf: new Map(paths.map((path, i) => [path, i])) };
}
const variablesIn = (otherOneRow: boolean) => {
  const layout: Layout = { format: '2021', otherOneRow };
  return variablesOf(sumSpecsOf(layout).all, layout);
};
const VARIABLES = lazyPerKey(variablesIn);
const variablesFor = (report: Report) => VARIABLES(layoutOf(report).otherOneRow);

interface Constraint {
  vars: number[];
  coefs: number[];
  /** `eq`: Σ c·x = 0; `le`: Σ c·x ≤ 0. */
  kind: 'eq' | 'le';
  /** Σ c·x with the published values. */
  residual: number;
}

function constraintOf(spec: SumSpec, values: (number | null)[], variableOf: ReadonlyMap<string, number>): Constraint | null {
  const vars: number[] = [];
  const coefs: number[] = [];
  let unknownTotals = false;
  let unknownParts = false;
  const add = (paths: readonly string[], coef: number) => {
    for (const path of paths) {
      const v = variableOf.get(path) as number;
      if (values[v] === null) {
        if (coef > 0) unknownTotals = true;
        else unknownParts = true;
      } else {
        vars.push(v);
        coefs.push(coef);
      }
    }
  };
  add(spec.totals, 1);
  add(spec.parts, -1);
  if (unknownTotals && unknownParts) return null;
  // Unknown parts can only raise Σ parts: the certain condition is Σ totals ≥ Σ parts known, i.e. −Σ c·x ≤ 0.
  if (unknownParts) for (let i = 0; i < coefs.length; i++) coefs[i] = -coefs[i];
  const kind = unknownTotals || unknownParts ? 'le' : 'eq';
  let residual = 0;
  for (let i = 0; i < vars.length; i++) residual += coefs[i] * (values[vars[i]] as number);
  return { vars, coefs, kind, residual };
}

const holds = (kind: Constraint['kind'], sum: number) => (kind === 'eq' ? sum === 0 : sum <= 0);

interface Solution {
  vars: number[];
  /** Values the equations determine (a cell set to 0 only to break a tie has none). */
  suggested: Map<number, number>;
}

class System {
  readonly constraints: Constraint[] = [];
  readonly constraintsOf: number[][];

  /** Free cell v is `slot[v]` in the current set, or −1. */
  private readonly slot: Int32Array;

  constructor(
    readonly variables: Variables,
    readonly values: (number | null)[],
  ) {
    this.slot = new Int32Array(variables.paths.length).fill(-1);
    this.constraintsOf = values.map(() => []);
    for (const spec of variables.specs) {
      const constraint = constraintOf(spec, values, variables.variableOf);
      if (!constraint || constraint.vars.length === 0) continue;
      const index = this.constraints.push(constraint) - 1;
      for (const v of constraint.vars) this.constraintsOf[v].push(index);
    }
  }

  failing(index: number): boolean {
    const c = this.constraints[index];
    return !holds(c.kind, c.residual);
  }

  /** Constraint indices grouped by shared variables. */
  components(): number[][] {
    const parent = this.constraints.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (const list of this.constraintsOf) for (let i = 1; i < list.length; i++) parent[find(list[i])] = find(list[0]);
    const groups = new Map<number, number[]>();
    this.constraints.forEach((_, i) => {
      const root = find(i);
      const group = groups.get(root);
      if (group) group.push(i);
      else groups.set(root, [i]);
    });
    return [...groups.values()];
  }

  /** Values for the free `vars` that make every constraint hold, or null. */
  solve(vars: readonly number[]): Solution | null {
    const slots = this.slot;
    vars.forEach((v, k) => (slots[v] = k));
    try {
      const touched: number[] = [];
      for (const v of vars) for (const ci of this.constraintsOf[v]) if (!touched.includes(ci)) touched.push(ci);
      // Each touched constraint's sum without the free cells.
      const fixedSum = touched.map((ci) => {
        const c = this.constraints[ci];
        let sum = c.residual;
        for (let i = 0; i < c.vars.length; i++) {
          if (slots[c.vars[i]] >= 0) sum -= c.coefs[i] * (this.values[c.vars[i]] as number);
        }
        return sum;
      });
      const assigned: (number | undefined)[] = vars.map(() => undefined);
      const solved = this.assign(vars, touched, fixedSum, assigned, vars.map(() => false));
      if (!solved) return null;
      const suggested = new Map<number, number>();
      vars.forEach((v, k) => solved.forced[k] && suggested.set(v, solved.values[k]));
      return { vars: [...vars], suggested };
    } finally {
      for (const v of vars) slots[v] = -1;
    }
  }

  private assign(
    vars: readonly number[],
    touched: readonly number[],
    fixedSum: readonly number[],
    assignedIn: readonly (number | undefined)[],
    forcedIn: readonly boolean[],
  ): { values: number[]; forced: boolean[] } | null {
    const slots = this.slot;
    const assigned = [...assignedIn];
    const forced = [...forcedIn];
    // Propagate: an equation with one unassigned free cell determines it.
    for (let progress = true; progress; ) {
      progress = false;
      for (let t = 0; t < touched.length; t++) {
        const c = this.constraints[touched[t]];
        if (c.kind !== 'eq') continue;
        let sum = fixedSum[t];
        let open = -1;
        let openCoef = 0;
        let openCount = 0;
        for (let i = 0; i < c.vars.length; i++) {
          const k = slots[c.vars[i]];
          if (k < 0) continue;
          const value = assigned[k];
          if (value === undefined) {
            open = k;
            openCoef = c.coefs[i];
            openCount++;
          } else sum += c.coefs[i] * value;
        }
        if (openCount !== 1) continue;
        const value = (openCoef > 0 ? -sum : sum) + 0; // + 0 turns −0 into 0
        if (value < 0) return null;
        assigned[open] = value;
        forced[open] = true;
        progress = true;
      }
    }
    const unassigned = vars.map((_, k) => k).filter((k) => assigned[k] === undefined);
    if (unassigned.length > 0) {
      // Underdetermined: try each remaining free cell at 0 (the smallest count) and propagate again.
      for (const k of unassigned) {
        const next = [...assigned];
        next[k] = 0;
        const solution = this.assign(vars, touched, fixedSum, next, forced);
        if (solution) return solution;
      }
      return null;
    }
    const values = assigned as number[];
    for (let t = 0; t < touched.length; t++) {
      const c = this.constraints[touched[t]];
      let sum = fixedSum[t];
      for (let i = 0; i < c.vars.length; i++) {
        const k = slots[c.vars[i]];
        if (k >= 0) sum += c.coefs[i] * values[k];
      }
      if (!holds(c.kind, sum)) return null;
    }
    // A free cell left at its published value was not needed: a smaller set covers it, so this set is not minimal.
    if (vars.some((v, k) => values[k] === this.values[v])) return null;
    return { values, forced };
  }
}

/**
 * All smallest working sets within one component (empty when none of size ≤ MAX_SUSPECTS is found in budget).
 *
 * Pruning that loses no solution: a set must touch every failing constraint; and a chosen cell alone in an
 * equation that holds would be held at its published value (so it was not needed). Hence every holding equation of a
 * chosen cell needs a second chosen cell, and a cell whose holding equation has no other candidate is never chosen.
 */
function searchComponent(system: System, component: number[]): Solution[] {
  const failing = component.filter((ci) => system.failing(ci));
  if (failing.length === 0) return [];
  const failingSet = new Set(failing);
  const holdingEquations = (v: number) =>
    system.constraintsOf[v].filter((ci) => !failingSet.has(ci) && system.constraints[ci].kind === 'eq');

  let candidateSet = new Set(failing.flatMap((ci) => system.constraints[ci].vars));
  for (let changed = true; changed; ) {
    const viable = [...candidateSet].filter((v) =>
      holdingEquations(v).every((ci) => system.constraints[ci].vars.some((u) => u !== v && candidateSet.has(u))),
    );
    changed = viable.length !== candidateSet.size;
    candidateSet = new Set(viable);
  }
  const candidates = [...candidateSet].sort((a, b) => a - b);
  const holdingOf = new Map(candidates.map((v) => [v, holdingEquations(v)]));
  const failingOf = new Map(candidates.map((v) => [v, system.constraintsOf[v].filter((ci) => failingSet.has(ci))]));
  // For each constraint, the last candidate position in it (−1 when none): a later pick can only come from before it.
  const lastPosition = new Int32Array(system.constraints.length).fill(-1);
  candidates.forEach((v, i) => system.constraintsOf[v].forEach((ci) => (lastPosition[ci] = i)));
  if (failing.some((ci) => lastPosition[ci] < 0)) return [];
  const maxCover = Math.max(...candidates.map((v) => (failingOf.get(v) as number[]).length));
  let budget = SEARCH_BUDGET;

  for (let size = 1; size <= MAX_SUSPECTS; size++) {
    const solutions: Solution[] = [];
    const chosen: number[] = [];
    const chosenIn = new Int32Array(system.constraints.length);
    let unhitCount = failing.length;

    const feasible = (start: number, picksLeft: number): boolean => {
      if (unhitCount > picksLeft * maxCover) return false;
      for (const ci of failing) if (chosenIn[ci] === 0 && lastPosition[ci] < start) return false;
      for (const v of chosen)
        for (const ci of holdingOf.get(v) as number[])
          if (chosenIn[ci] === 1 && (picksLeft === 0 || lastPosition[ci] < start)) return false;
      return true;
    };

    const visit = (start: number): void => {
      if (budget <= 0) return;
      const picksLeft = size - chosen.length;
      if (!feasible(start, picksLeft)) return;
      if (picksLeft === 0) {
        budget--;
        const solution = system.solve(chosen);
        if (solution) solutions.push(solution);
        return;
      }
      for (let i = start; i < candidates.length; i++) {
        const v = candidates[i];
        chosen.push(v);
        for (const ci of system.constraintsOf[v]) if (chosenIn[ci]++ === 0 && failingSet.has(ci)) unhitCount--;
        visit(i + 1);
        for (const ci of system.constraintsOf[v]) if (--chosenIn[ci] === 0 && failingSet.has(ci)) unhitCount++;
        chosen.pop();
      }
    };
    visit(0);
    if (budget <= 0) return [];
    if (solutions.length > 0) return solutions;
  }
  return [];
}

/** The cells every fix changes, with a suggested value where all fixes determine the same one. */
function common(fixes: Fix[]): Suspect[] {
  if (fixes.length === 0) return [];
  const [first, ...rest] = fixes;
  const suspects: Suspect[] = [];
  for (const { path, suggested } of first) {
    const others = rest.map((fix) => fix.find((s) => s.path === path));
    if (others.some((s) => s === undefined)) continue;
    const agreed = suggested !== undefined && others.every((s) => s?.suggested === suggested);
    suspects.push(agreed ? { path, suggested } : { path });
  }
  return suspects;
}

const suspectOf = (system: System, v: number, suggested: number | undefined): Suspect => {
  const path = system.variables.paths[v];
  return suggested === undefined ? { path } : { path, suggested };
};

const fixOf = (system: System, solution: Solution): Fix =>
  solution.vars.map((v) => suspectOf(system, v, solution.suggested.get(v)));

/**
 * The suspects of one component: the cells all its smallest fixes share, or, when the report's text agrees with
 * some of several fixes only, the cells those share, each with the text's reason.
 */
function componentSuspects(report: Report, fixes: Fix[], evidence: () => readonly TextEvidence[]): Suspect[] {
  if (fixes.length < 2) return common(fixes);
  const tie = breakTieByText(fixes, evidence(), (path) => knownValue(cellAt(report, path)));
  if (!tie) return common(fixes);
  return common(tie.fixes).map((suspect) => ({ ...suspect, reason: tieReason(suspect, tie.verdict) }));
}

/** The sum rules of the report's layout as constraints over its known sum cells. */
const systemOf = (report: Report) => {
  const variables = variablesFor(report);
  return new System(variables, variables.paths.map((path) => knownValue(cellAt(report, path))));
};

/** One smallest set of cell changes that makes every sum rule of its component hold. */
export type Fix = Suspect[];

/**
 * For each group of linked rules with an error (table 3; each table-4 block): every smallest fix found, or an empty
 * list when none of at most MAX_SUSPECTS cells exists within the budget. locateSuspects keeps what the fixes share.
 */
export function locateFixes(report: Report): Fix[][] {
  const system = systemOf(report);
  return system
    .components()
    .filter((component) => component.some((ci) => system.failing(ci)))
    .map((component) => searchComponent(system, component).map((solution) => fixOf(system, solution)));
}

/**
 * The most likely wrong cells where a sum rule fails. `textEvidence` (lib/rules/text-vs-table.ts) is asked for only
 * when the tables leave a tie: what the report's text says may then tell the fixes apart.
 */
export function locateSuspects(
  report: Report,
  findings: Finding[],
  textEvidence: () => readonly TextEvidence[] = () => [],
): Suspect[] {
  if (!findings.some((f) => f.severity === 'error' && sumRuleIds().has(f.rule))) return [];
  const system = systemOf(report);
  let evidence: readonly TextEvidence[] | undefined;
  const once = () => (evidence ??= textEvidence());
  const suspects = system
    .components()
    .flatMap((component) =>
      componentSuspects(report, searchComponent(system, component).map((solution) => fixOf(system, solution)), once),
    );
  const { variableOf } = system.variables;
  return suspects.sort((a, b) => (variableOf.get(a.path) as number) - (variableOf.get(b.path) as number));
}
