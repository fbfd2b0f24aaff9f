"""Reading: a source file (text or Akoma Ntoso XML) → clean → structure → checked model."""
