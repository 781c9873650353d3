// Every page is prerendered: the build is a plain static site that works offline.
export const prerender = true;
export const trailingSlash = 'never';
