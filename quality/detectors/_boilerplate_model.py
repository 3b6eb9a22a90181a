"""Weights of the boilerplate line model (logistic regression), written by
``benchmarks/fit_boilerplate.py --write``. They were fitted on the lines of half of the sites of
the public line benchmark described in that script (split by a hash of the site name); the other
half is held out for reporting. Only these numbers come from the data."""

FEATURES: tuple[str, ...] = ('log_chars', 'log_words', 'under_20', 'under_40', 'under_80', 'over_200', 'ends_sentence', 'ends_colon', 'starts_lower', 'comma_rate', 'function_share', 'no_function_words', 'capitalised_share', 'all_caps_share', 'digit_share', 'no_letters', 'has_url', 'has_handle', 'separators', 'date_share', 'opens_quote', 'cjk_share', 'family_embed', 'family_ad', 'family_social', 'family_credit', 'family_legal', 'family_byline', 'family_navigation', 'family_dateline_shape', 'before_first_prose', 'after_last_prose', 'log_distance_to_prose', 'prev_prose', 'next_prose', 'between_prose', 'window_prose_share', 'window_short_share', 'relative_position', 'after_nav_header', 'duplicate_in_article', 'short_outside', 'short_between', 'short_sentence', 'prev_family', 'next_family', 'next_is_first_prose', 'in_main_block', 'log_run_length', 'run_in_block', 'short_in_block', 'bracketed_run', 'bracketed_long_run', 'bracketed_numeric', 'prose_before_share', 'prose_after_share', 'prose_edge_share', 'headline_candidate')

BIAS = +3.404402

WEIGHTS: tuple[float, ...] = (
    -1.944172,  # log_chars
    -2.326793,  # log_words
    -0.478535,  # under_20
    +0.074086,  # under_40
    -0.330217,  # under_80
    -0.038673,  # over_200
    -1.618551,  # ends_sentence
    -0.014799,  # ends_colon
    +1.318451,  # starts_lower
    -0.432029,  # comma_rate
    +0.524206,  # function_share
    -0.205466,  # no_function_words
    +1.584014,  # capitalised_share
    -0.261475,  # all_caps_share
    +0.564823,  # digit_share
    +0.089361,  # no_letters
    -0.241941,  # has_url
    -0.821385,  # has_handle
    -0.131935,  # separators
    +1.414762,  # date_share
    -0.649113,  # opens_quote
    +0.674549,  # cjk_share
    -1.121372,  # family_embed
    +1.047451,  # family_ad
    +3.470872,  # family_social
    +2.324074,  # family_credit
    -0.017581,  # family_legal
    +1.780797,  # family_byline
    +1.851144,  # family_navigation
    -0.762483,  # family_dateline_shape
    +1.164981,  # before_first_prose
    +1.481273,  # after_last_prose
    +0.910945,  # log_distance_to_prose
    -0.264246,  # prev_prose
    -0.691968,  # next_prose
    -0.469829,  # between_prose
    -0.159843,  # window_prose_share
    +0.182757,  # window_short_share
    +1.361326,  # relative_position
    +0.470790,  # after_nav_header
    +0.175807,  # duplicate_in_article
    +0.578046,  # short_outside
    -0.099968,  # short_between
    +1.264701,  # short_sentence
    +0.470604,  # prev_family
    +0.460509,  # next_family
    +0.210270,  # next_is_first_prose
    -1.099798,  # in_main_block
    -5.267300,  # log_run_length
    +1.775237,  # run_in_block
    -1.178903,  # short_in_block
    +1.459922,  # bracketed_run
    -0.725008,  # bracketed_long_run
    -0.449361,  # bracketed_numeric
    -0.478003,  # prose_before_share
    +1.584572,  # prose_after_share
    -1.370354,  # prose_edge_share
    -1.531835,  # headline_candidate
)
