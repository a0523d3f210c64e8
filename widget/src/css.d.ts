/** widget/build.mjs loads every imported .css file as its minified text. */
declare module '*.css' {
  const css: string;
  export default css;
}
