"""The framework table: the editions of Working Together, their criteria and timescales."""
