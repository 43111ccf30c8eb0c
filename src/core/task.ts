// The kinds of suite evalgate knows how to run.
export const TASK_KINDS = ['rag-qa', 'qa', 'classify', 'retrieval', 'mcq', 'generate'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
