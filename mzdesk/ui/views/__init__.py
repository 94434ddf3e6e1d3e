"""The areas' views: each holds its form and gets its services injected."""
