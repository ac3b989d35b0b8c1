// The article reader: from a DOM Document to an ArticleInput (see read.ts), and the page's metadata.
export { readArticle, isArticleError, pageArticleBlocks, MIN_ARTICLE_WORDS, READER } from './read';
export type { ArticleReader, ArticleReading, ArticleError, ArticleErrorKind, ReadArticleOptions } from './read';
export { readMetadata } from './metadata';
export type { PageMetadata } from './metadata';
export { normalizeDate, isPublishedDate } from './dates';
export { blocksOf, countWords, foldWhitespace, tokens, tokenF1 } from './text';
