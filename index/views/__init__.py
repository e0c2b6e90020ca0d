"""Views of the corpus as a whole, for pictures: a timeline of dated statements, who appears with
whom, where an entity's mentions cluster. Plain records from the side store; the front ends draw them."""
