/**
 * The shape of a row of the settings table (`SETTINGS` in settings.ts): where a setting lives,
 * its kind, default, limits, step, how a change applies, its label and doc. Split out so that
 * groups of rows (metricSettings.ts) can be written beside the table without importing it.
 */
import type { Notice } from './notice';
import type { NumericLimit } from './clamp';
import type { SliderRange } from './margins';
import type { DataSettings, Settings, TrainerOptions, UiSettings } from './settingTypes';

/** A numeric limit, for the rows: num(2, 8, true) is the integers 2–8. */
export const num = (min: number, max: number, integer = false): NumericLimit => ({
	min,
	max,
	integer
});

/** Where a setting lives in `Settings`. */
export type SettingPath =
	| `options.data.${keyof DataSettings}`
	| `options.${Exclude<keyof TrainerOptions, 'data'>}`
	| `ui.${keyof UiSettings}`;

/** What a change does: retrains from fresh weights, changes the running model, or the page only. */
export type Change = 'rebuild' | 'live' | 'page';

/** A value that is fixed, or depends on the settings read before it in the table. */
export type Dependent<T> = T | ((s: Settings) => T);

interface RowBase {
	/** The URL key: a public interface (lessons and embeds link with it), never rename one. */
	readonly key: string;
	/** Where the value lives in `Settings`. */
	readonly path: SettingPath;
	/** One line for people: what the setting does and which values it takes. */
	readonly doc: string;
	/** Written to the URL even when it equals the default, so a link states the essentials. */
	readonly always?: boolean;
	/** What changing it does (may depend on the new settings: the loss keeps the weights on request). */
	readonly change: Dependent<Change>;
	/** The control's label (a UI string key of `$lib/i18n`), when the setting has a control. */
	readonly label?: string;
	/**
	 * Whether the setting means anything under these settings (default: always). Its control
	 * is hidden when it does not (the noise of real digits); its value still round-trips.
	 */
	readonly relevant?: (s: Settings) => boolean;
	/**
	 * When a base is given and this setting is missing, whether the base value still applies
	 * (e.g. a margin only survives when the loss stays the same). Default: always.
	 */
	readonly keep?: (base: Settings, next: Settings) => boolean;
}

export interface NumberRow extends RowBase {
	readonly kind: 'number';
	readonly default: Dependent<number>;
	readonly limit: Dependent<NumericLimit>;
	/**
	 * A wider limit for a trainer without views (`headless`: the open-set sweep), e.g. feature
	 * dimensions beyond the 2 and 3 that views draw.
	 */
	readonly headlessLimit?: NumericLimit;
	/** The control's step (sliders and number fields). */
	readonly step: Dependent<number>;
	/** The control's range when it offers less than the limit allows (the margin slider). */
	readonly range?: (s: Settings) => SliderRange;
	/** How a control shows it: a slider (default), a number field, a menu of presets, or buttons. */
	readonly control?: Dependent<'slider' | 'number' | 'menu' | 'segmented'>;
	/** Values a menu or the buttons offer (a menu adds the current value when it is not one). */
	readonly presets?: readonly number[];
	/** Labels of the presets: UI string keys, by value. */
	readonly presetLabels?: Readonly<Record<number, string>>;
	/** Decimals shown beside a slider (default: none for integer limits, two otherwise). */
	readonly digits?: number;
}

export interface ChoiceRow<T extends string = string> extends RowBase {
	readonly kind: 'choice';
	readonly choices: readonly T[];
	readonly default: Dependent<T>;
	/** Read case-insensitively ('lang=KO'). */
	readonly caseless?: boolean;
	/** Choices' published names (loss names stay as published in every language). */
	readonly names?: Readonly<Record<string, string>>;
	/** Choices' labels: UI string keys, by choice (these win over `names`). */
	readonly choiceLabels?: Readonly<Record<string, string>>;
	/**
	 * A constraint across settings, applied after the value is read: returns the value to use
	 * (and pushes a notice when it changes an explicit value).
	 */
	readonly refine?: (value: T, s: Settings, name: string, notices: Notice[]) => T;
}

export interface FlagRow extends RowBase {
	readonly kind: 'flag';
	readonly default: boolean;
}

/** A list of class indices (`held=0,3`), each below `classes`, leaving two to train on. */
export interface ClassListRow extends RowBase {
	readonly kind: 'classes';
	readonly default: readonly number[];
}

export type SettingRow = NumberRow | ChoiceRow | FlagRow | ClassListRow;

/** Real digits, not a toy generator. */
export const isDigits = (s: Settings) => s.options.data.generator === 'digits';
/**
 * Between digits and toy data, the class count, class size and input dimension start from
 * the new kind's defaults (all ten digits, not the blobs' four) instead of carrying over.
 */
export const sameKindOfData = (base: Settings, next: Settings) => isDigits(base) === isDigits(next);
/** Hidden units per layer for digits by default. */
export const DIGITS_HIDDEN_UNITS = 128;
/** Digits: the step at which the default λ warm-up reaches its floor (λ = 0 after it). */
export const DIGITS_LAMBDA_FLOOR_AT = 300;

export const seedLimit: NumericLimit = { min: 0, max: 2147483647, integer: true };
