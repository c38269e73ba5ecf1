"""The studio's bulk dialogs: export, stamp photos, data merge.

``base`` is the frame they share (options, OK/Close, the batch with its progress window and
summary); ``widgets`` the option widgets they are built from; ``progress`` runs a batch off the
GUI thread; ``summary`` shows how it ended. The main window imports each dialog when it is first
opened, so this package imports nothing itself.
"""
