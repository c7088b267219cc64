"""Small reusable widgets and delegates."""
