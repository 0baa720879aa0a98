/**
 * Command ids, in one place: a feature that offers another feature's command (a quick fix that runs
 * "Add Tag to the Workspace Taxonomy") names it from here instead of importing that feature.
 */
export const CORPUS_VIEW_COMMANDS = {
  search: 'policyAnnotator.corpusView.search',
  clearSearch: 'policyAnnotator.corpusView.clearSearch',
  showRecord: 'policyAnnotator.showRecord',
} as const;

export const CORPUS_COMMANDS = {
  search: 'policyAnnotator.searchCorpus',
  insertCitation: 'policyAnnotator.insertCitation',
  rebuild: 'policyAnnotator.rebuildIndex',
  showRecordPick: 'policyAnnotator.showRecord',
} as const;

export const SOURCES_COMMANDS = {
  generate: 'policyAnnotator.generateSourcesSection',
  fixPlaceholders: 'policyAnnotator.fixAllPlaceholderLinks',
  harvest: 'policyAnnotator.harvestSources',
} as const;

export const TAG_COMMANDS = { suggest: 'policyAnnotator.suggestTags', addToTaxonomy: 'policyAnnotator.addTagToTaxonomy' } as const;

/** The law database download: its commands and its folder in the extension's global storage. */
export const LAW_DOWNLOAD = {
  download: 'policyAnnotator.downloadLawDatabase',
  check: 'policyAnnotator.checkLawDatabase',
  folder: 'laws-downloaded',
} as const;
export const RECORD_DRAFT_COMMANDS = { create: 'policyAnnotator.createRecordFromReference' } as const;
/** The near-miss quick fixes: add the name as an alias of the record, or ignore it for that record. */
export const ALIAS_COMMANDS = { add: 'policyAnnotator.addAliasToRecord', ignore: 'policyAnnotator.ignoreNearMiss' } as const;
