"""The episode's documents in the window: the document window (an intake assessment, a treatment
plan, a discharge summary), its form, the client page's Documents tab, Today's plans due and the
discharge offer.

The note windows open documents (a 90791's note is its intake) and the document window is built
from the note window's parts, so ui.notes is loaded first: either package may then be imported
first without meeting the other half-loaded.
"""

import ui.notes  # noqa: F401 (loaded first, see above)
