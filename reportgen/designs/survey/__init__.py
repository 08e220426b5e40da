"""What every questionnaire design shares: loading, describing and checking the answers, the profile, group tests, the discussion."""
