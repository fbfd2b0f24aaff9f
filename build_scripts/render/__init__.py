"""Stage 4: write the site's Markdown pages and data files from the model and its annotations."""
