"""Weights of the boilerplate line model (logistic regression), written by
``benchmarks/fit_boilerplate.py --write``. They were fitted on the lines of half of the sites of
the public line benchmark described in that script (split by a hash of the site name); the other
half is held out for reporting. Only these numbers come from the data."""

FEATURES: tuple[str, ...] = ('log_chars', 'log_words', 'under_20', 'under_40', 'under_80', 'over_200', 'ends_sentence', 'ends_colon', 'starts_lower', 'comma_rate', 'function_share', 'no_function_words', 'capitalised_share', 'all_caps_share', 'digit_share', 'no_letters', 'has_url', 'has_handle', 'separators', 'date_share', 'opens_quote', 'cjk_share', 'family_embed', 'family_ad', 'family_social', 'family_credit', 'family_legal', 'family_byline', 'family_navigation', 'family_dateline_shape', 'before_first_prose', 'after_last_prose', 'log_distance_to_prose', 'prev_prose', 'next_prose', 'between_prose', 'window_prose_share', 'window_short_share', 'relative_position', 'after_nav_header', 'duplicate_in_article', 'short_outside', 'short_between', 'short_sentence', 'prev_family', 'next_family', 'next_is_first_prose', 'in_main_block', 'log_run_length', 'run_in_block', 'short_in_block', 'bracketed_run', 'bracketed_long_run', 'bracketed_numeric', 'prose_before_share', 'prose_after_share', 'prose_edge_share', 'headline_candidate')

BIAS = +3.442804

WEIGHTS: tuple[float, ...] = (
    -1.946104,  # log_chars
    -2.338404,  # log_words
    -0.466393,  # under_20
    +0.074626,  # under_40
    -0.328570,  # under_80
    -0.030283,  # over_200
    -1.620841,  # ends_sentence
    -0.020474,  # ends_colon
    +1.272050,  # starts_lower
    -0.432323,  # comma_rate
    +0.520925,  # function_share
    -0.184391,  # no_function_words
    +1.555720,  # capitalised_share
    -0.247120,  # all_caps_share
    +0.512966,  # digit_share
    +0.098138,  # no_letters
    -0.281273,  # has_url
    -0.836928,  # has_handle
    -0.099624,  # separators
    +1.413338,  # date_share
    -0.651878,  # opens_quote
    +0.673450,  # cjk_share
    -1.092274,  # family_embed
    +1.049373,  # family_ad
    +3.477260,  # family_social
    +2.326086,  # family_credit
    +0.002670,  # family_legal
    +1.879024,  # family_byline
    +1.858398,  # family_navigation
    -0.825287,  # family_dateline_shape
    +1.169060,  # before_first_prose
    +1.482556,  # after_last_prose
    +0.961189,  # log_distance_to_prose
    -0.258982,  # prev_prose
    -0.697731,  # next_prose
    -0.459391,  # between_prose
    -0.179624,  # window_prose_share
    +0.168820,  # window_short_share
    +1.337265,  # relative_position
    +0.499960,  # after_nav_header
    +0.178290,  # duplicate_in_article
    +0.589306,  # short_outside
    -0.101128,  # short_between
    +1.261641,  # short_sentence
    +0.449742,  # prev_family
    +0.478039,  # next_family
    +0.138122,  # next_is_first_prose
    -1.093485,  # in_main_block
    -5.322228,  # log_run_length
    +1.780696,  # run_in_block
    -1.185811,  # short_in_block
    +1.457066,  # bracketed_run
    -0.701339,  # bracketed_long_run
    -0.445050,  # bracketed_numeric
    -0.466760,  # prose_before_share
    +1.574738,  # prose_after_share
    -1.394178,  # prose_edge_share
    -1.494563,  # headline_candidate
)
