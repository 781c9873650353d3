/**
 * `{name}` placeholders filled with values, as plain text: the string tables' templates
 * (i18n/index.ts) and the words a chart's text is built from (viz/statsFormat.ts).
 */
export function fillTemplate(
	template: string,
	params: Readonly<Record<string, string | number>> = {}
): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
