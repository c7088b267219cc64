"""The order lifecycle: statuses and the transition matrix, outcomes of a call, the retry chain,
stock reserves, intake. Qt-free; every write goes through these services."""
