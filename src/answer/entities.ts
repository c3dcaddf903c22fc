/**
 * Collective and one-character abbreviations used in news headlines for provinces. A question about 江浙 is
 * answered by a paragraph naming 浙江 or 江苏; one about 粤赣鄂 by 广东, 江西 or 湖北.
 */
const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  江浙: ['江苏', '浙江'],
  苏浙: ['江苏', '浙江'],
  江浙沪: ['江苏', '浙江', '上海'],
  长三角: ['江苏', '浙江', '上海', '安徽'],
  粤赣鄂: ['广东', '江西', '湖北'],
  粤港澳: ['广东', '香港', '澳门'],
  京津冀: ['北京', '天津', '河北'],
  湘: ['湖南'],
  粤: ['广东'],
  赣: ['江西'],
  鄂: ['湖北'],
  浙: ['浙江'],
  苏: ['江苏'],
  沪: ['上海'],
  桂: ['广西'],
};

/** Administrative suffixes that news text often drops (湖南省 → 湖南, 郴州市 → 郴州). */
const ADMIN_SUFFIX = /(?:省|市|县|州|区|自治区|特别行政区)$/;

/** The spellings under which an entity may appear in an article, most specific first. */
export function entityVariants(entity: string): string[] {
  const variants = [entity];
  const short = entity.replace(ADMIN_SUFFIX, '');
  if (short !== entity && short.length >= 2) variants.push(short);
  for (const alias of REGION_ALIASES[short] ?? REGION_ALIASES[entity] ?? []) variants.push(alias);
  return [...new Set(variants)];
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
