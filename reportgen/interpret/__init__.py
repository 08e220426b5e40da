"""Named, cited decision rules applied to statistics."""
