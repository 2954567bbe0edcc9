"""Session facts -> progress-note draft: formats, rendering, prompts, llama.cpp engine, verifier.

The model only rephrases; the pipeline guarantees every input fact is in the draft and every
sentence is grounded in the input (see docs/drafting.md). Never imports Qt or app/.
"""
