"""What a request does to the data: guards, changes, publishing and audit, shared by the routes, the CLI and the importer."""  # noqa: E501
