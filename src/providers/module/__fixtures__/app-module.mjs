// Exports in the shapes a module provider accepts, for module-model tests.
export async function answer(input, ctx) {
  return {
    output: `answer to ${input} (${ctx.caseId})`,
    contexts: [{ id: 'doc.md#1', text: 'a passage', score: 0.4 }],
    usage: { input_tokens: 2, output_tokens: 3 },
    confidence: 0.9,
  };
}

export const plain = async (input) => `plain: ${JSON.stringify(input)}`;

export async function slow(_input, ctx) {
  await new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, 5000);
    ctx.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(ctx.signal.reason);
    });
  });
  return 'late';
}

export async function broken() {
  throw new TypeError('cannot read the index');
}

export const wrongShape = async () => ({ output: 42, contexts: 'nope' });

/** A stand-in for a LangChain retrieval chain: `invoke({input})` → `{input, context, answer}`. */
export const chain = {
  calls: [],
  async invoke(input, options) {
    this.calls.push({ input, hasSignal: options?.signal instanceof AbortSignal });
    return {
      input,
      context: [{ pageContent: 'passage text', metadata: { source: 'kb/a.md' } }],
      answer: `chain answer to ${input.input}`,
    };
  },
};

export const notCallable = { name: 'nothing to call' };
