"""The shapes of names: the word lists and regular expressions entity extraction reads text with.

Each pattern says what a name of one kind looks like in running text ("Foreign Minister Wang Yi",
"the Carnegie Moscow Center", "Su-35", "Joint Sea 2015"), one module a kind: `people`, `orgs`,
`places`, `events`, `weapons`, `amounts` (money, dates), `lowercase` (text without capitals), `lists`;
they are built from `shapes` (the letters and words of a name) and `lexicon` (the word lists).
The rule table (`index.entities.rules`; for lowercased text, `index.entities.extract`) runs them,
and `index.entities.passes` reconsiders the result as a whole. Each pattern is run only over the
lines holding a literal it needs (`index.entities.line_scan`); the few whose literals are too many
to look for list the words they need in `anchors.ANCHORS`.
"""
