"""Agreements from and to the Excel and Word forms agencies already use:
``cascade import xlsx|docx`` drafts an agreement, ``cascade export xlsx|docx``
writes one in the same forms (see README.md for the module map)."""
