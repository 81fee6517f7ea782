"""The datasets bundled with conflictbrief."""
