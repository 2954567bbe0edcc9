"""Session facts -> progress-note draft: analysis, realizer, ranking by the model, verifier.

The realizer plans each section as sentences whose every alternative is faithful; the model
only ranks those alternatives (or, if it is a larger instruct model, may write a section that
the verifier then proves faithful). See docs/drafting.md. Never imports Qt or app/.
"""
